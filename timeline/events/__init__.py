"""timeline/events"""
