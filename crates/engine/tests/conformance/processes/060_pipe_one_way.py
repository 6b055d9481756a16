# Pipe(duplex=False) gives a read-only end and a write-only end.
import multiprocessing as mp


def send_all(conn):
    for word in ["one", "two", "three"]:
        conn.send(word)
    conn.close()


if __name__ == "__main__":
    reader, writer = mp.Pipe(duplex=False)
    print(reader.readable, reader.writable, writer.readable, writer.writable)
    p = mp.Process(target=send_all, args=(writer,))
    p.start()
    print([reader.recv() for _ in range(3)])
    p.join()
    try:
        writer.recv()
    except OSError as e:
        print("OSError:", e)
    try:
        reader.send(1)
    except OSError as e:
        print("OSError:", e)
