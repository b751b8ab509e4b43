"""timeline/text"""
