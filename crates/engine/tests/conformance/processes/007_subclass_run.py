# A Process subclass overrides run(); its attributes travel to the child (copied).
import multiprocessing as mp


class Counter(mp.Process):
    def __init__(self, limit):
        super().__init__()
        self.limit = limit

    def run(self):
        print("counting to", self.limit, "in", self.name)
        print(sum(range(self.limit + 1)))


if __name__ == "__main__":
    c = Counter(10)
    c.start()
    c.join()
    print("exitcode", c.exitcode)
