# string.capwords: capitalize words, collapsing whitespace or splitting on a given separator
import string
print(string.capwords("hello   wORLD  from python"))
print(string.capwords("  leading and trailing  "))
print(string.capwords("a-b-c d", "-"), repr(string.capwords("")), string.capwords("x,y,,z", ","))
