-org = Công ước Hà Nội
a-title = Lễ ký { -org }
    .alt = Ảnh lễ ký
a-p1 = Các đoàn đại biểu từ 60 quốc gia đã đến { $city } ngày { $date }.
a-count = { $n } đoàn đại biểu
