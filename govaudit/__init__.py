"""govaudit: audits government websites for the 网络检索 disclosures of the 法治政府建设示范 plan."""

__version__ = "0.1.0"
