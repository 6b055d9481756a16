# The same check-then-act with the check and the withdrawal under one Lock: the second withdrawal is refused
import threading
import time

balance = 100
lock = threading.Lock()


def withdraw(name, amount):
    global balance
    with lock:
        if balance >= amount:
            print(name, "sees", balance, "- enough for", amount)
            time.sleep(0.1)  # talking to the bank, holding the lock
            balance -= amount
            print(name, "took", amount, "- balance now", balance)
        else:
            print(name, "refused: only", balance)


threads = [
    threading.Thread(target=withdraw, args=("alice", 80)),
    threading.Thread(target=withdraw, args=("bob", 70)),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("final balance:", balance, "at", time.monotonic() > 0)
