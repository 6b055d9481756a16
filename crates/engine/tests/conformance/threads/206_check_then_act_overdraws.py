# Check, block, then act: two withdrawals both see enough money before either takes it, so the account is overdrawn
import threading
import time

balance = 100


def withdraw(name, amount):
    global balance
    if balance >= amount:
        print(name, "sees", balance, "- enough for", amount)
        time.sleep(0.1)  # talking to the bank...
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
print("final balance:", balance)
