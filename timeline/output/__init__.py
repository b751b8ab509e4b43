"""timeline/output"""
