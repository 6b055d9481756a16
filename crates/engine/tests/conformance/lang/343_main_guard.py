# a program runs as __main__, so the `if __name__ == "__main__":` guard runs
def main():
    print("main ran", __name__)
if __name__ == "__main__":
    main()
import math
print(math.__name__, main.__module__)
