### Họp báo ngày 8/10/2025 tại Hà Nội về Lễ mở ký Công ước Hà Nội sắp diễn ra (Báo Tin Tức).

press-conference-title = Lãnh đạo cấp cao nhiều quốc gia sẽ tham dự Lễ mở ký { -hanoi-convention }

press-conference-date = 08/10/2025

press-conference-p1 = Chiều 8/10, tại Hà Nội, { -mofa } phối hợp với { -mps } tổ chức họp báo về Lễ mở ký { -convention } ({ -hanoi-convention }).

press-conference-p2 = Thượng tướng Phạm Thế Tùng, Thứ trưởng { -mps }; Thứ trưởng Ngoại giao Đặng Hoàng Giang; Thiếu tướng Lê Xuân Minh, Cục trưởng Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao ({ -mps }) đồng chủ trì họp báo.

press-conference-p3 = Việt Nam sẽ đăng cai tổ chức Lễ mở ký và Hội nghị cấp cao { -convention } với chủ đề “Chống tội phạm mạng – Chia sẻ trách nhiệm – Hướng tới tương lai” tại Hà Nội trong hai ngày 25 và 26/10/2025. Đây là sự kiện quốc tế quan trọng, đánh dấu mốc son trong lịch sử đối ngoại đa phương của Việt Nam và 47 năm quan hệ đối tác Việt Nam - { -un }.

press-conference-h1 = Văn kiện pháp lý quan trọng mang tầm vóc toàn cầu

press-conference-p4 = Phát biểu tại họp báo, Thứ trưởng Ngoại giao Đặng Hoàng Giang cho biết tình hình thế giới và khu vực diễn biến phức tạp; trong đó, "tội phạm mạng đã nổi lên thành một thách thức, một mối đe dọa rất nguy hiểm đối với an ninh, chủ quyền và toàn vẹn lãnh thổ của các quốc gia". Điều này đặt ra yêu cầu cấp thiết đối với các nước trong việc tăng cường hợp tác quốc tế, xây dựng khuôn khổ pháp lý toàn cầu để ứng phó với mối đe dọa này.

press-conference-p5 = Theo Thứ trưởng Đặng Hoàng Giang, tiến trình đàm phán { -convention } được khởi động từ năm 2019 với việc xây dựng dự thảo văn kiện đầu tiên mang tính phổ quát, bao trùm toàn cầu. Việt Nam cùng các quốc gia thành viên khác của { -un } đã ủng hộ { -un } khởi động tiến trình đàm phán văn kiện này. Sau 8 phiên đàm phán chính thức và 5 phiên họp giữa kỳ kéo dài khoảng 30 tháng (từ tháng 2/2022 đến tháng 8/2024), ngày 24/12/2024, { -un-general-assembly } đã chính thức đồng thuận thông qua Công ước. Công ước hứa hẹn trở thành "văn kiện pháp lý quan trọng mang tính phổ quát, bao trùm toàn cầu" để tất cả các quốc gia thành viên hợp tác phòng, chống tội phạm mạng.

press-conference-p6 = Nhấn mạnh việc { -un } lựa chọn Hà Nội là nơi tổ chức Lễ mở ký và Hội nghị cấp cao là sự kiện rất đặc biệt, Thứ trưởng Đặng Hoàng Giang cho biết: Đây là lần đầu tiên một công ước đa phương toàn cầu trong một lĩnh vực được cộng đồng quốc tế hết sức quan tâm gắn với một địa danh của Việt Nam.

press-conference-p7 = Việc tên gọi "{ -hanoi-convention }" được nêu trong văn bản Công ước phản ánh sự ghi nhận đóng góp của Việt Nam trong quá trình xây dựng văn kiện này, qua đó cho thấy việc đăng cai Lễ mở ký là bước đi cụ thể nhằm "khẳng định vị thế, thể hiện trách nhiệm" và thúc đẩy các sáng kiến về an ninh mạng của Chính phủ Việt Nam. Sự kiện này cũng diễn ra đúng dịp kỷ niệm 80 năm Ngày thành lập { -un } (24/10).

press-conference-h2 = Hơn 200 quốc gia và tổ chức quốc tế đăng ký tham dự

press-conference-p8 = Để chuẩn bị cho sự kiện đối ngoại đặc biệt quan trọng này, Chính phủ đã giao { -mps } chủ trì, phối hợp với { -mofa } và các bộ, ngành liên quan tổ chức. Công tác chuẩn bị được triển khai bài bản, hiệu quả, trên cơ sở kinh nghiệm tổ chức nhiều hội nghị quốc tế của Việt Nam, đồng thời tuân thủ các yêu cầu, quy định của { -un }.

press-conference-p9 = Thứ trưởng Đặng Hoàng Giang cho biết, tính đến ngày 6/10, Chính phủ Việt Nam đã nhận được xác nhận tham dự của gần 100 quốc gia cùng hơn 100 tổ chức quốc tế và khu vực. Quy mô tham dự dự kiến rất lớn, với nhiều nguyên thủ quốc gia, người đứng đầu chính phủ và bộ trưởng các nước.

press-conference-p10 = Theo dự kiến, ngoài phiên khai mạc và bế mạc, Lễ mở ký và Hội nghị cấp cao sẽ gồm 1 phiên thảo luận toàn thể, 1 phiên ký, 4 phiên thảo luận cấp cao và 4 phiên trao đổi bàn tròn, 1 tiệc chiêu đãi (Gala dinner), cùng Triển lãm công nghệ do Chính phủ Việt Nam và Ban Thư ký { -un } phối hợp tổ chức. Chủ tịch nước Lương Cường và { -un-secretary-general } António Guterres dự kiến sẽ có bài phát biểu quan trọng tại phiên khai mạc.

press-conference-h3 = Phòng, chống tội phạm mạng là ưu tiên quốc gia của Việt Nam

press-conference-p11 = Trả lời câu hỏi của báo chí tại họp báo, Thứ trưởng Đặng Hoàng Giang cho biết Việt Nam là một trong những quốc gia kiên định ủng hộ việc đàm phán Công ước ngay từ năm 2019. Trong quá trình đàm phán, Việt Nam đã đóng góp nhiều nội dung quan trọng, trong đó có các nguyên tắc cơ bản như bảo đảm chủ quyền quốc gia trên không gian mạng, nguyên tắc hợp tác quốc tế, đồng thời điều phối/chủ trì đàm phán thành công một số điều khoản.

press-conference-p12 = Cho biết một trong những khó khăn trong quá trình đàm phán là sự cạnh tranh giữa các nước, cản trở tinh thần hợp tác đa phương, cùng với "sự khác biệt giữa các hệ thống pháp luật" (nhất là pháp luật hình sự) của các quốc gia, Thứ trưởng Đặng Hoàng Giang nhấn mạnh cam kết và nhận thức chung của cộng đồng quốc tế về yêu cầu hợp tác đa phương vẫn là thuận lợi cơ bản.

press-conference-p13 = Về tình hình và công tác phòng, chống tội phạm mạng tại Việt Nam, Thiếu tướng Lê Xuân Minh, Cục trưởng Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao ({ -mps }) cho biết tội phạm mạng tại Việt Nam diễn biến rất phức tạp, đang dần chuyển từ các cuộc tấn công quy mô nhỏ sang các cuộc tấn công "có tổ chức, mang tính quốc tế cao", tấn công vào các hệ thống trọng yếu của quốc gia và doanh nghiệp.

press-conference-p14 = “Tình hình tội phạm mạng tại Việt Nam thời gian qua cũng diễn biến rất phức tạp cả về quy mô, tính chất và mức độ ảnh hưởng của các loại hình tấn công, cũng như các sự cố mạng. Trong năm qua, chúng tôi ước tính có hàng trăm nghìn vụ việc liên quan. Các nhóm tội phạm mạng đang dần chuyển từ các cuộc tấn công nhỏ lẻ, đơn giản sang các cuộc tấn công có tổ chức, mang tính quốc tế cao và tấn công vào các hệ thống trọng yếu của quốc gia, vào các doanh nghiệp có vai trò, vị trí lớn trong nền kinh tế. Đồng thời, tội phạm mạng cũng diễn biến phức tạp, nhất là các loại tội phạm có sự câu kết, liên quan giữa các quốc gia. Các loại tội phạm lừa đảo này cũng là mối quan tâm, là mối nguy hiểm và có ảnh hưởng rất lớn đối với các quốc gia trên thế giới”, Thiếu tướng Lê Xuân Minh nói.

press-conference-p15 = Theo Thiếu tướng Lê Xuân Minh, sau khi ký Công ước, Việt Nam sẽ rà soát các hệ thống pháp luật liên quan để chuẩn bị phê chuẩn Công ước trong thời gian sớm nhất. Các biện pháp trọng tâm gồm sửa đổi Luật An ninh mạng (hợp nhất với Luật An toàn thông tin mạng); hoàn thiện hệ thống pháp luật liên quan đến tố tụng hình sự để có thể triển khai các nội dung như trao đổi thông tin tội phạm, chuyển giao dữ liệu, dẫn độ tội phạm và thu hồi tài sản do phạm tội mà có. Đặc biệt, Việt Nam sẽ thành lập cơ chế phối hợp 24/7 theo yêu cầu của Công ước.

press-conference-p16 = Thứ trưởng Đặng Hoàng Giang khẳng định việc đăng cai Lễ mở ký không chỉ thúc đẩy hợp tác phòng, chống tội phạm mạng mà còn giúp Việt Nam tăng cường trao đổi kinh nghiệm nhằm hoàn thiện thể chế, khuôn khổ pháp lý, nâng cao năng lực chuyên môn, kỹ thuật của các lực lượng thực thi pháp luật.
