# Pipe() gives two connected ends: send() on one, recv() on the other.
import multiprocessing as mp


def echo(conn):
    msg = conn.recv()
    conn.send(msg.upper())
    conn.close()


if __name__ == "__main__":
    parent_end, child_end = mp.Pipe()
    p = mp.Process(target=echo, args=(child_end,))
    p.start()
    parent_end.send("hello pipe")
    print(parent_end.recv())
    p.join()
