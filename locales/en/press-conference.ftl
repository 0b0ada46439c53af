### Press conference of 8 October 2025 in Hanoi on the coming signing ceremony of the Hanoi Convention (Báo Tin Tức).
### Written in Vietnamese (source/press-conference.md, lang = "vi"): this file is its English translation.

press-conference-title = Senior leaders of many countries will attend the signing ceremony of the { -hanoi-convention }

press-conference-date = October 8, 2025

press-conference-p1 = On the afternoon of October 8, in Hanoi, the { -mofa } coordinated with the { -mps } to hold a press conference to open the signing ceremony of the { -convention } ({ -hanoi-convention }).

press-conference-p2 = Senior Lieutenant General Pham The Tung, Deputy Minister of Public Security; Deputy Minister of Foreign Affairs Dang Hoang Giang; Major General Le Xuan Minh, Director of the Department of Cyber Security and High-Tech Crime Prevention and Control ({ -mps }) co-chaired the press conference.

press-conference-p3 = Vietnam will host the Opening Ceremony and High-Level Conference on the { -convention }, with the theme “Combating Cybercrime – Sharing Responsibility – Looking Forward” in Hanoi on October 25 and 26, 2025. This is an important international event, marking a milestone in Vietnam’s multilateral diplomacy history and 47 years of Vietnam-{ -un } partnership.

press-conference-h1 = Important legal instrument of global significance

press-conference-p4 = At the press conference, Deputy Foreign Minister Dang Hoang Giang said that the world and regional situation is complicated; in which, "cybercrime has emerged as a challenge, a very dangerous threat to the security, sovereignty and territorial integrity of nations". This poses an urgent requirement for countries to strengthen international cooperation and build a global legal framework to respond to this threat.

press-conference-p5 = According to Deputy Minister Dang Hoang Giang, the negotiation process for the { -convention } was initiated in 2019 with the development of the first draft document of a universal, globally inclusive nature. Vietnam and other member states of the { -un } supported the { -un } in starting the negotiation process for this document. After 8 official negotiation sessions and 5 mid-term meetings lasting about 30 months (February 2022 to August 2024), the { -un-general-assembly } officially agreed to adopt the Convention on December 24, 2024. This Convention promises to become an "important legal instrument of universal, globally inclusive nature" for all member states to cooperate in preventing and combating cybercrime.

press-conference-p6 = Emphasizing that the { -un }' selection of Hanoi as the venue for the signing ceremony and the Summit is a very special event, Deputy Minister Dang Hoang Giang stated: This is the first time a global multilateral convention in a field of great interest to the international community has been associated with a Vietnamese location.

press-conference-p7 = The fact that the name "{ -hanoi-convention }" is mentioned in the text of the Convention reflects the recognition of Vietnam's contribution to the development of this document, thereby showing that hosting the signing ceremony is a concrete step to "affirm its position, demonstrate its responsibility" and promote the Vietnamese Government's cybersecurity initiatives. This event also takes place on the occasion of the 80th anniversary of the founding of the { -un } (October 24).

press-conference-h2 = More than 200 countries and international organizations registered to attend

press-conference-p8 = To prepare for this particularly important diplomatic event, the Government assigned the { -mps } to take the lead, coordinating with the { -mofa } and relevant ministries and branches in the organization. The preparation work has been carried out systematically and effectively, based on Vietnam's experience in organizing many international conferences, while complying with the requirements and regulations of the { -un }.

press-conference-p9 = Deputy Minister Dang Hoang Giang said that as of October 6, the Vietnamese Government has received confirmation of participation from nearly 100 countries along with more than 100 international and regional organizations. The scale of participation is expected to be very large, with many heads of state, government leaders and ministers of countries.

press-conference-p10 = The program is expected to include, in addition to the opening and closing sessions, the signing ceremony and the Summit, which will include 1 plenary discussion session, 1 signing session, 4 high-level discussions and 4 roundtable sessions, 1 Gala dinner, and a Technology Exhibition jointly organized by the Government of Vietnam and the { -un } Secretariat. President Luong Cuong and { -un-secretary-general } Antonio Guterres are expected to deliver important speeches at the opening session.

press-conference-h3 = Preventing and combating cybercrime is a national priority for Vietnam

press-conference-p11 = At a press conference to answer questions from the press, Deputy Minister Dang Hoang Giang said that Vietnam is one of the countries that has consistently supported the negotiation of the Convention since 2019. During the negotiation process, Vietnam has contributed many important contents, including basic principles such as ensuring national sovereignty in cyberspace, principles of international cooperation, and successfully coordinating/leading the negotiation of a number of provisions.

press-conference-p12 = Stating that one of the difficulties in the negotiation process is competition between countries, hindering the spirit of multilateral cooperation, along with "differences between legal systems" (especially the Criminal Law) of countries, Deputy Minister Dang Hoang Giang emphasized that the commitment and common awareness of the international community on the requirement of multilateral cooperation is still a fundamental advantage.

press-conference-p13 = Regarding the situation and work of preventing and combating cybercrime in Vietnam, Major General Le Xuan Minh, Director of the Department of Cyber Security and High-Tech Crime Prevention and Control ({ -mps }) said that cybercrime in Vietnam is very complicated, gradually shifting from small-scale attacks to "organized, highly international" attacks, attacking key systems of the country and businesses.

press-conference-p14 = “The situation of cybercrime in Vietnam in recent times has also been very complicated in terms of scale, nature and level of influence of various types of attacks, as well as cyber incidents. In the past year, we estimated hundreds of thousands of related cases. Cybercrime groups are gradually shifting from small, simple attacks to organized, highly international attacks and attacks on key national systems, on businesses that play a major role and position in the economy. At the same time, cybercrime has also been complicated, especially crimes that are collusion and related between countries. These types of fraud crimes are also a concern, a danger, and have a great influence on countries around the world,” said Major General Le Xuan Minh.

press-conference-p15 = According to Major General Le Xuan Minh, after signing the Convention, Vietnam will review relevant legal systems to prepare for ratifying the Convention as soon as possible. Key measures include amending the Law on Cyber Security (merging with the Law on Cyber Security); perfecting the legal system related to Criminal Procedure to be able to implement contents such as exchanging criminal information, transferring data, extraditing criminals and recovering criminal assets. In particular, Vietnam will establish a 24/7 coordination mechanism as required by the Convention.

press-conference-p16 = Deputy Minister Dang Hoang Giang affirmed that hosting the signing ceremony will not only promote cooperation in preventing and combating cybercrime but also help Vietnam increase experience exchange to perfect institutions and legal frameworks and improve the professional and technical capacity of law enforcement forces.
