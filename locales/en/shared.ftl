### Terms shared by every announcement: organisations, the convention, the venue.
### Announcements refer to them as { -term-name } so each language names them one way.

-un = United Nations

-un-short = UN

-convention = United Nations Convention against Cybercrime

-hanoi-convention = Hanoi Convention

-un-general-assembly = United Nations General Assembly

-un-secretary-general = United Nations Secretary-General

-mofa = Ministry of Foreign Affairs

-mps = Ministry of Public Security

-venue = National Convention Centre

-vna = Vietnam News Agency
