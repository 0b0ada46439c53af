### Thuật ngữ dùng chung cho mọi thông cáo: tổ chức, công ước, địa điểm.
### Các thông cáo gọi chúng bằng { -ten-thuat-ngu } để mỗi ngôn ngữ chỉ có một cách gọi.

-un = Liên hợp quốc

-un-short = LHQ

-convention = Công ước của Liên hợp quốc về chống tội phạm mạng

-hanoi-convention = Công ước Hà Nội

-un-general-assembly = Đại hội đồng Liên hợp quốc

-un-secretary-general = Tổng Thư ký Liên hợp quốc

-mofa = Bộ Ngoại giao

-mps = Bộ Công an

-venue = Trung tâm Hội nghị Quốc gia

-vna = Thông tấn xã Việt Nam
