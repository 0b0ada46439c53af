### Announcement: the signing ceremony of the UN Convention against Cybercrime opens in Hanoi (VNA, 25 October 2025).

signing-opens-title = Signing ceremony of { -un-short } Convention against Cybercrime to open in Hanoi today

signing-opens-date = October 25, 2025

signing-opens-p1 = Vietnamese Permanent Deputy Minister of Foreign Affairs Nguyen Minh Vu (second, left) and delegates to the signing ceremony of the { -convention } in Hanoi on the morning of October 25, 2025.

signing-opens-p2 = The Signing Ceremony of the { -convention } and High-level Conference will officially open at 9:00 on October 25 at the { -venue } in Hanoi.

signing-opens-p3 = With theme “Countering Cybercrime – Sharing Responsibility – Securing our Future,” the event, hosted by Vietnam, marks an important step forward in global efforts to strengthen international cooperation and ensure security and safety in cyberspace.

signing-opens-p4 = The ceremony will bring together representatives from nearly 100 { -un-short } member states and more than 100 international and regional organisations, including { -un-short } agencies, regional institutions, financial bodies, as well as a large number of experts and scholars in cybersecurity and international law.

signing-opens-p5 = Vietnamese State President Luong Cuong and { -un-secretary-general } António Guterres will deliver remarks at the opening session of the signing ceremony of the { -convention } (also known as { -hanoi-convention }).

signing-opens-p6 = Also on the first day, a plenary session co-chaired by Vietnamese Prime Minister Pham Minh Chinh and { -un-short } Secretary-General Guterres will take place, alongside high-level bilateral meetings and a series of thematic side events and discussions.

signing-opens-p7 = International delegates visit a photo exhibition by the { -vna }, within the signing ceremony of the { -convention } in Hanoi on the morning of October 25, 2025.

signing-opens-p8 = The adoption of the { -convention } by the { -un-short } General Assembly in December 2024 and the signing ceremony in Hanoi are vivid demonstrations of the sense of responsibility of countries in protecting cyberspace - the common property of mankind. This event is not only a legal procedure but also a platform to promote dialogue, share experiences, strengthen partnerships between governments, international organisations, and the private sector, becoming a forum to promote the implementation of the convention and global cooperation in combating cybercrime.

signing-opens-p9 = The convention sets out a legal framework for international cooperation in the fight against cybercrime, ensuring that member countries, especially developing and vulnerable countries, are supported and have improved capacity to deal with this type of crime. This will be a historic milestone, affirming the value of multilateralism with the { -un-short } at its centre, sending a strong message about the determination to fight cybercrime, build a world of peace, justice, and rule of law, for the benefit of today's and future generations.

signing-opens-p10 = Holding the signing ceremony in Hanoi demonstrates Vietnam's role, prestige and active contributions to global issues, especially promoting international cooperation in preventing and combating cybercrime, protecting a safe and healthy cyberspace and for sustainable development.

signing-opens-p11 = According to Deputy Minister of Foreign Affairs Dang Hoang Giang, the fact that the name "Hanoi" is officially recorded in the text of the convention is a deep recognition by the international community of Vietnam's role and contributions, not only in the field of cyber security, but also in building progressive international legal norms, towards a fairer and safer global order.

signing-opens-p12 = In addition, the signing ceremony of the { -hanoi-convention }, which takes place right on the occasion of the 80th founding anniversary of the { -un } (October 24, 1945 - 2025), has a special symbolic significance: it honours the spirit of international solidarity in responding to the challenge of cybersecurity - one of the most urgent global issues today.
