"""timeline/run"""
