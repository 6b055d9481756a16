# Only "\n" starts a new output line; "\r", "\f", "\v" and "\u2028" are ordinary characters.
import time
print("carriage\rreturn")
print("form\x0cfeed", "vertical\x0btab")
time.sleep(0.25)
print("unicode\u2028line separator", "next\x85line")
print("two\n\nblank", end="\n\n")
print(repr("a\rb"), len("a\r\nb"))
