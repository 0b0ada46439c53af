### Thông cáo: Lễ mở ký Công ước của Liên hợp quốc về chống tội phạm mạng khai mạc tại Hà Nội (TTXVN, ngày 25/10/2025).

signing-opens-title = Lễ mở ký Công ước { -un-short } về chống tội phạm mạng khai mạc tại Hà Nội hôm nay

signing-opens-date = 25/10/2025

signing-opens-p1 = Thứ trưởng Thường trực Bộ Ngoại giao Nguyễn Minh Vũ (thứ hai từ trái sang) cùng các đại biểu dự Lễ mở ký { -convention } tại Hà Nội, sáng 25/10/2025.

signing-opens-p2 = Lễ mở ký và Hội nghị cấp cao { -convention } sẽ chính thức khai mạc lúc 9h00 ngày 25/10 tại { -venue }, Hà Nội.

signing-opens-p3 = Với chủ đề “Chống tội phạm mạng – Chia sẻ trách nhiệm – Hướng tới tương lai”, sự kiện do Việt Nam đăng cai tổ chức đánh dấu bước tiến quan trọng trong nỗ lực toàn cầu nhằm tăng cường hợp tác quốc tế, bảo đảm an ninh, an toàn trên không gian mạng.

signing-opens-p4 = Buổi lễ sẽ quy tụ đại diện của gần 100 quốc gia thành viên { -un-short } và hơn 100 tổ chức quốc tế, khu vực, trong đó có các cơ quan của { -un-short }, các thiết chế khu vực, các định chế tài chính, cùng đông đảo chuyên gia, học giả trong lĩnh vực an ninh mạng và luật quốc tế.

signing-opens-p5 = Chủ tịch nước Lương Cường và { -un-secretary-general } António Guterres sẽ phát biểu tại phiên khai mạc Lễ mở ký { -convention } (còn gọi là { -hanoi-convention }).

signing-opens-p6 = Cũng trong ngày đầu tiên sẽ diễn ra phiên toàn thể do Thủ tướng Chính phủ Phạm Minh Chính và Tổng Thư ký { -un-short } Guterres đồng chủ trì, cùng với các cuộc gặp song phương cấp cao và chuỗi sự kiện bên lề, tọa đàm chuyên đề.

signing-opens-p7 = Các đại biểu quốc tế tham quan triển lãm ảnh của { -vna } trong khuôn khổ Lễ mở ký { -convention } tại Hà Nội, sáng 25/10/2025.

signing-opens-p8 = Việc Đại hội đồng { -un-short } thông qua { -convention } vào tháng 12/2024 và Lễ mở ký tại Hà Nội là minh chứng sinh động cho tinh thần trách nhiệm của các quốc gia trong bảo vệ không gian mạng – tài sản chung của nhân loại. Sự kiện này không chỉ là một thủ tục pháp lý mà còn là nền tảng thúc đẩy đối thoại, chia sẻ kinh nghiệm, tăng cường quan hệ đối tác giữa các chính phủ, tổ chức quốc tế và khu vực tư nhân, trở thành diễn đàn thúc đẩy việc triển khai Công ước và hợp tác toàn cầu trong phòng, chống tội phạm mạng.

signing-opens-p9 = Công ước đặt ra khuôn khổ pháp lý cho hợp tác quốc tế trong đấu tranh chống tội phạm mạng, bảo đảm các quốc gia thành viên, nhất là các nước đang phát triển và dễ bị tổn thương, được hỗ trợ và nâng cao năng lực ứng phó với loại tội phạm này. Đây sẽ là dấu mốc lịch sử, khẳng định giá trị của chủ nghĩa đa phương với vai trò trung tâm của { -un-short }, gửi đi thông điệp mạnh mẽ về quyết tâm đấu tranh chống tội phạm mạng, xây dựng một thế giới hòa bình, công lý và thượng tôn pháp luật, vì lợi ích của các thế hệ hôm nay và mai sau.

signing-opens-p10 = Việc tổ chức Lễ mở ký tại Hà Nội thể hiện vai trò, uy tín và những đóng góp tích cực của Việt Nam đối với các vấn đề toàn cầu, nhất là thúc đẩy hợp tác quốc tế trong phòng, chống tội phạm mạng, bảo vệ một không gian mạng an toàn, lành mạnh và vì sự phát triển bền vững.

signing-opens-p11 = Theo Thứ trưởng Bộ Ngoại giao Đặng Hoàng Giang, việc tên gọi “Hà Nội” được chính thức ghi nhận trong văn bản Công ước là sự ghi nhận sâu sắc của cộng đồng quốc tế đối với vai trò và đóng góp của Việt Nam, không chỉ trong lĩnh vực an ninh mạng mà còn trong việc xây dựng các chuẩn mực pháp lý quốc tế tiến bộ, hướng tới một trật tự toàn cầu công bằng và an toàn hơn.

signing-opens-p12 = Bên cạnh đó, Lễ mở ký { -hanoi-convention } diễn ra đúng dịp kỷ niệm 80 năm Ngày thành lập { -un } (24/10/1945 – 2025) mang ý nghĩa biểu tượng đặc biệt: tôn vinh tinh thần đoàn kết quốc tế trong ứng phó với thách thức an ninh mạng – một trong những vấn đề toàn cầu cấp bách nhất hiện nay.
