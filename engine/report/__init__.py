"""Reporters: findings -> text for people, JSON for programs."""
