# sys.exit("message"): the message goes to stderr and the program stops
import sys
print("before")
sys.exit("fatal: something went wrong")
print("after")
