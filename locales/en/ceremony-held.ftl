### Announcement: the Hanoi Convention signing ceremony is held, with 60 countries set to sign (VNA, 25 October 2025).

ceremony-held-title = Signing ceremony of { -un-short } Convention against Cybercrime solemnly opens in Hanoi

ceremony-held-date = October 25, 2025

ceremony-held-p1 = The Signing Ceremony and the High-Level Conference of the { -convention } ({ -hanoi-convention }) were solemnly held at the { -venue } with the theme “Countering Cybercrime – Sharing Responsibility – Securing our Future”.

ceremony-held-p2 = Vietnamese State President Luong Cuong (centre, first row), { -un-secretary-general } Antonio Guterres (fifth from left) and heads of delegations at the signing ceremony.

ceremony-held-p3 = Vietnamese State President Luong Cuong chaired the ceremony with the participation of { -un-secretary-general } Antonio Guterres and leaders and high-level representatives of about 110 countries and many international organisations, including { -un-short } agencies, regional organisations, financial institutions, and many experts and scholars in the field of cybersecurity and international law.

ceremony-held-p4 = Before the opening session, President Cuong chaired the official welcome ceremony and took a group photo with the heads of delegations attending the Signing Ceremony and the High-Level Conference of the { -convention }. He and the delegates visited the photo exhibition organised by the { -vna } (VNA) introducing Vietnam, its people and development achievements, as well as the country’s positive contributions to the activities of the { -un }, and the Vietnam - { -un } relationship.

ceremony-held-p5 = President Cuong and { -un-short } Secretary-General Guterres will deliver opening speeches and then representatives of 60 countries will participate in signing the { -hanoi-convention } at an official ceremony run by the { -un } Office for Legal Affairs (OLA).

ceremony-held-p6 = The { -convention } was initiated by the { -un } in 2019, stemming from the urgent need to build a comprehensive legal framework to address global challenges in non-traditional security, climate change and sustainable development. After five years of negotiations, the { -un-general-assembly } officially approved the convention by consensus on December 24, 2024.

ceremony-held-p7 = The convention, consisting of nine chapters and 71 articles, provides a comprehensive approach to preventing and combating the global scourge of cybercrime and upholding human rights principles. It addresses technical and legal challenges by adapting traditional criminal investigation methods to the information and communications technology environment, while enhancing international cooperation.
