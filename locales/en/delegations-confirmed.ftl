### Announcement: nearly 100 foreign delegations confirm attendance at the Hanoi Convention signing ceremony (VGP, 15 October 2025).

delegations-confirmed-title = Nearly 100 foreign delegations to attend Ha Noi Convention signing ceremony

delegations-confirmed-date = October 15, 2025

delegations-confirmed-p1 = As of October 14, 93 delegations from { -un-short } member states and international organizations with over 1,000 delegates and media representatives had confirmed their participation in the signing ceremony of the { -un-short } Convention against Cybercrime (Ha Noi Convention) from October 25-26.

delegations-confirmed-p2 = State President Luong Cuong said that "hosting the signing ceremony demonstrates Viet Nam's role as a responsible host nation, a friend, a trustworthy partner, and an active member of the international community"

delegations-confirmed-p3 = State President Luong Cuong October 15 presided over a meeting to review preparations for the signing ceremony of the U.N. Convention against Cybercrime scheduled to take place in Ha Noi on October 25-26.

delegations-confirmed-p4 = State President Luong highlighted that the { -un-short } Secretary-General and many international leaders will attend the signing ceremony. This marks a significant milestone as it is the first time Viet Nam hosts this kind of event, especially in light of the growing concern over cybercrime.

delegations-confirmed-p5 = He stressed that hosting the signing ceremony demonstrates Viet Nam's role as a responsible host nation, a friend, a trustworthy partner, and an active member of the international community, as well as the Southeast Asian nation's readiness to contribute to global peace, stability, and development while adhering to the { -un-short } Charter and international law.

delegations-confirmed-p6 = To ensure the ceremony meets the highest standards, the State President directed relevant agencies to thoroughly review coordination within each ministry and among ministries, sectors and Ha Noi, to ensure all aspects – from agenda, plans, to progress and quality of execution – are well-managed.

delegations-confirmed-p7 = Luong asked for careful evaluation of all preparations, including technical details, content, protocol, and security, as well as prompt settlement of any challenges or obstacles to guarantee flawless organisation, quality, and absolute safety.

delegations-confirmed-p8 = Given the limited time, Luong requested that lead agencies actively carry out assigned tasks on schedule and address any issues emerging in a timely manner, ensuring success for the ceremony. He also emphasised that the event should serve as an opportunity for international friends to experience Viet Nam's warm hospitality and friendliness.

delegations-confirmed-p9 = The { -mps } and the { -mofa } have closely coordinated with the { -un-short } Office on Drugs and Crime (UNODC) in building the signing ceremony's agenda, preparing for several side activities, including eight high-level side events and seminars led by leaders from relevant Vietnamese ministries and UNODC, 38 panel discussions, and over 20 exhibition booths.

delegations-confirmed-p10 = The { -un-short } Convention against Cybercrime originated in 2019 with the development of the first universal, globally comprehensive draft instrument. Viet Nam, alongside other { -un-short } member states, supported the { -un-short } in launching the negotiation process for this groundbreaking document.

delegations-confirmed-p11 = Following eight official negotiation sessions and five intersessional meetings from February 2022 to August 2024, the { -un-short } General Assembly formally adopted the convention on December 24, 2024.

delegations-confirmed-p12 = The convention is expected to become an important legal instrument with universal, global coverage enabling all member states to cooperate in preventing and combating cybercrime.
