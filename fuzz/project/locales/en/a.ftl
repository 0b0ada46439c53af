-org = Hanoi Convention
# A comment a translator wrote.
a-title = Signing of the { -org }
    .alt = Photo of the signing
a-p1 = Delegations from 72 countries arrived in { $city } on { $date }.
a-count = { $n ->
    [one] one delegation
   *[other] { $n } delegations
}
a-p2 = The ceremony begins at 9:00.
