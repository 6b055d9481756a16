# Generators cannot be pickled: passing one to a process fails in start().
import multiprocessing as mp


def consume(gen):
    print(list(gen))


if __name__ == "__main__":
    p = mp.Process(target=consume, args=((i * i for i in range(3)),))
    try:
        p.start()
    except TypeError as e:
        print("TypeError:", e)
