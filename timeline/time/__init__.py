"""timeline/time"""
