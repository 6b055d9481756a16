# Arguments are copied into the child: mutating them there leaves the parent's intact.
import multiprocessing as mp


def mutate(items, table):
    items.append(99)
    table["child"] = True
    print("child:", items, table)


if __name__ == "__main__":
    items = [1, 2, 3]
    table = {"parent": True}
    p = mp.Process(target=mutate, args=(items, table))
    p.start()
    p.join()
    print("parent:", items, table)
