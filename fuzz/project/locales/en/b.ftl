b-title = Delegations confirmed
