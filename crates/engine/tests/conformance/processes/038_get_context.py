# get_context("spawn") gives a context whose Process is SpawnProcess.
import multiprocessing as mp


def hello():
    print("hello from", mp.current_process().name)


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    print(type(ctx).__name__)
    p = ctx.Process(target=hello)
    print(type(p).__name__, p.name)
    p.start()
    p.join()
    try:
        mp.get_context("bogus")
    except ValueError as e:
        print("ValueError:", e)
