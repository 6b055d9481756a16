# sys.exit(3) ends the program at once and silently: nothing after it runs.
import sys

print("before")
sys.exit(3)
print("never printed")
