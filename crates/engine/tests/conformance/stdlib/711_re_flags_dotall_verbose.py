# DOTALL lets . match newlines; VERBOSE allows whitespace and comments.
import re
print(re.search(r"a.b", "a\nb"), re.search(r"a.b", "a\nb", re.DOTALL))
pat = re.compile(r"""
    (\d{3})   # area
    [-.\s]?   # separator
    (\d{4})   # number
""", re.VERBOSE)
print(pat.search("call 555-1234 now").groups())
