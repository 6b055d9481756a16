# Instances of the program's classes travel by value and come back as new objects.
import multiprocessing as mp
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


def move(p):
    p.x += 1
    return p


if __name__ == "__main__":
    start = Point(1, 2)
    with mp.Pool(1) as pool:
        moved = pool.apply(move, (start,))
    print(start, moved, moved is start, type(moved) is Point)
