### Thông cáo: gần 100 đoàn nước ngoài xác nhận dự Lễ mở ký Công ước Hà Nội (Cổng TTĐT Chính phủ, ngày 15/10/2025).

delegations-confirmed-title = Gần 100 đoàn nước ngoài sẽ dự Lễ mở ký Công ước Hà Nội

delegations-confirmed-date = 15/10/2025

delegations-confirmed-p1 = Tính đến ngày 14/10, 93 đoàn của các quốc gia thành viên { -un-short } và tổ chức quốc tế với hơn 1.000 đại biểu và phóng viên báo chí đã xác nhận tham dự Lễ mở ký Công ước { -un-short } về chống tội phạm mạng (Công ước Hà Nội), diễn ra trong hai ngày 25–26/10.

delegations-confirmed-p2 = Chủ tịch nước Lương Cường nêu rõ “việc đăng cai Lễ mở ký thể hiện vai trò của Việt Nam là nước chủ nhà có trách nhiệm, là bạn, là đối tác tin cậy và thành viên tích cực của cộng đồng quốc tế”

delegations-confirmed-p3 = Ngày 15/10, Chủ tịch nước Lương Cường chủ trì cuộc họp kiểm điểm công tác chuẩn bị Lễ mở ký Công ước của Liên hợp quốc về chống tội phạm mạng, dự kiến diễn ra tại Hà Nội trong hai ngày 25–26/10.

delegations-confirmed-p4 = Chủ tịch nước nhấn mạnh, Tổng Thư ký { -un-short } và nhiều lãnh đạo quốc tế sẽ tham dự Lễ mở ký. Đây là dấu mốc quan trọng bởi lần đầu tiên Việt Nam đăng cai tổ chức một sự kiện như vậy, nhất là trong bối cảnh vấn đề tội phạm mạng ngày càng được quan tâm.

delegations-confirmed-p5 = Chủ tịch nước khẳng định, việc đăng cai Lễ mở ký thể hiện vai trò của Việt Nam là nước chủ nhà có trách nhiệm, là bạn, là đối tác tin cậy và thành viên tích cực của cộng đồng quốc tế, đồng thời thể hiện sự sẵn sàng của Việt Nam đóng góp vào hòa bình, ổn định và phát triển của thế giới trên cơ sở tuân thủ Hiến chương { -un-short } và luật pháp quốc tế.

delegations-confirmed-p6 = Để Lễ mở ký đạt yêu cầu cao nhất, Chủ tịch nước chỉ đạo các cơ quan liên quan rà soát kỹ lưỡng công tác phối hợp trong từng bộ và giữa các bộ, ngành với thành phố Hà Nội, bảo đảm mọi khâu – từ chương trình, kế hoạch đến tiến độ và chất lượng triển khai – đều được quản lý chặt chẽ.

delegations-confirmed-p7 = Chủ tịch nước yêu cầu đánh giá kỹ lưỡng toàn bộ công tác chuẩn bị, từ kỹ thuật, nội dung, lễ tân đến an ninh, đồng thời kịp thời tháo gỡ mọi khó khăn, vướng mắc, bảo đảm công tác tổ chức chu đáo, chất lượng và an toàn tuyệt đối.

delegations-confirmed-p8 = Trong bối cảnh thời gian không còn nhiều, Chủ tịch nước đề nghị các cơ quan chủ trì tích cực triển khai các nhiệm vụ được giao đúng tiến độ, kịp thời xử lý các vấn đề phát sinh, bảo đảm Lễ mở ký thành công. Chủ tịch nước cũng nhấn mạnh sự kiện cần là dịp để bạn bè quốc tế cảm nhận sự nồng hậu, mến khách và thân thiện của Việt Nam.

delegations-confirmed-p9 = { -mps } và { -mofa } đã phối hợp chặt chẽ với Văn phòng { -un-short } về Ma túy và Tội phạm (UNODC) xây dựng chương trình Lễ mở ký, chuẩn bị nhiều hoạt động bên lề, trong đó có 8 sự kiện bên lề cấp cao và hội thảo do lãnh đạo các bộ, ngành liên quan của Việt Nam và UNODC chủ trì, 38 phiên thảo luận chuyên đề và hơn 20 gian trưng bày.

delegations-confirmed-p10 = Công ước { -un-short } về chống tội phạm mạng được khởi xướng từ năm 2019 với việc xây dựng dự thảo văn kiện đầu tiên mang tính phổ quát, bao trùm toàn cầu. Việt Nam cùng các quốc gia thành viên khác của { -un-short } đã ủng hộ { -un-short } khởi động tiến trình đàm phán văn kiện mang tính đột phá này.

delegations-confirmed-p11 = Sau 8 phiên đàm phán chính thức và 5 phiên họp giữa kỳ từ tháng 2/2022 đến tháng 8/2024, Đại hội đồng { -un-short } đã chính thức thông qua Công ước vào ngày 24/12/2024.

delegations-confirmed-p12 = Công ước được kỳ vọng sẽ trở thành công cụ pháp lý quan trọng, mang tính phổ quát, bao trùm toàn cầu, tạo điều kiện để tất cả các quốc gia thành viên hợp tác phòng, chống tội phạm mạng.
