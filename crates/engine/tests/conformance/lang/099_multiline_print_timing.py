# One print call writing several lines; partial lines joined across prints.
import time
print("line one\nline two")
print("partial", end="")
time.sleep(0.1)
print(" completed later")
time.sleep(0.25)
print("a\nb", end="")
time.sleep(1)
print("c")
