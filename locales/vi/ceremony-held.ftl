### Thông cáo: Lễ mở ký Công ước Hà Nội long trọng diễn ra, 60 quốc gia tham gia ký (TTXVN, ngày 25/10/2025).

ceremony-held-title = Lễ mở ký Công ước { -un-short } về chống tội phạm mạng long trọng khai mạc tại Hà Nội

ceremony-held-date = 25/10/2025

ceremony-held-p1 = Lễ mở ký và Hội nghị cấp cao { -convention } ({ -hanoi-convention }) đã long trọng diễn ra tại { -venue } với chủ đề “Chống tội phạm mạng – Chia sẻ trách nhiệm – Hướng tới tương lai”.

ceremony-held-p2 = Chủ tịch nước Lương Cường (giữa, hàng đầu), { -un-secretary-general } António Guterres (thứ năm từ trái sang) và các trưởng đoàn tại Lễ mở ký.

ceremony-held-p3 = Chủ tịch nước Lương Cường chủ trì buổi lễ, với sự tham dự của { -un-secretary-general } António Guterres cùng lãnh đạo, đại diện cấp cao của khoảng 110 quốc gia và nhiều tổ chức quốc tế, trong đó có các cơ quan của { -un-short }, các tổ chức khu vực, định chế tài chính và đông đảo chuyên gia, học giả trong lĩnh vực an ninh mạng và luật quốc tế.

ceremony-held-p4 = Trước phiên khai mạc, Chủ tịch nước Lương Cường chủ trì lễ đón chính thức và chụp ảnh chung với các trưởng đoàn dự Lễ mở ký và Hội nghị cấp cao { -convention }. Chủ tịch nước và các đại biểu đã tham quan triển lãm ảnh do { -vna } (TTXVN) tổ chức, giới thiệu về đất nước, con người và thành tựu phát triển của Việt Nam, cũng như những đóng góp tích cực của Việt Nam vào hoạt động của { -un } và quan hệ Việt Nam – { -un }.

ceremony-held-p5 = Chủ tịch nước Lương Cường và Tổng Thư ký { -un-short } Guterres sẽ phát biểu khai mạc, sau đó đại diện 60 quốc gia sẽ tham gia ký { -hanoi-convention } tại nghi lễ chính thức do Văn phòng Các vấn đề pháp lý của { -un } (OLA) điều hành.

ceremony-held-p6 = { -convention } được { -un } khởi xướng từ năm 2019, xuất phát từ yêu cầu cấp thiết phải xây dựng một khuôn khổ pháp lý toàn diện nhằm ứng phó với các thách thức toàn cầu về an ninh phi truyền thống, biến đổi khí hậu và phát triển bền vững. Sau 5 năm đàm phán, { -un-general-assembly } đã chính thức thông qua Công ước theo phương thức đồng thuận vào ngày 24/12/2024.

ceremony-held-p7 = Công ước gồm 9 chương và 71 điều, đưa ra cách tiếp cận toàn diện nhằm phòng ngừa, đấu tranh với tội phạm mạng – hiểm họa mang tính toàn cầu, đồng thời đề cao các nguyên tắc về quyền con người. Công ước giải quyết các thách thức về kỹ thuật và pháp lý bằng cách điều chỉnh các phương pháp điều tra hình sự truyền thống cho phù hợp với môi trường công nghệ thông tin và truyền thông, đồng thời tăng cường hợp tác quốc tế.
