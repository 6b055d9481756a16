# printf-style % formatting.
print("%s is %d years" % ("Ada", 36))
print("%5.2f|%-6s|%06d" % (3.14159, "ab", 42))
print("%r %s" % ("quoted", "plain"))
print("%x %o %e" % (255, 8, 12345.678))
print("100%% sure, %s" % "yes")
print("%(name)s=%(value)d" % {"name": "k", "value": 3})
print("%c%c" % (72, "i"))
print("%+d %+d %.3s" % (5, -5, "truncate"))
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("one",))
except TypeError as e:
    print("TypeError:", e)
