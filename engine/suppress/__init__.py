"""Suppressions: comments in an article that silence a rule there, and the baseline.

``meta`` (the audit findings' ids and rule selectors), ``directives``
(reading the comments), ``apply`` (which findings they hide and which
comments are wrong or unused), ``baseline`` (fingerprints of known findings).
"""
