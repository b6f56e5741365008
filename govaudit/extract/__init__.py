"""Pure parsing shared by the crawler (link discovery) and the rules (evidence): no I/O, no clock."""
