# Benchmark (issue #19): 300,000 method calls and attribute updates on
# dataclass instances, keyed by f-strings. Prints the number of accounts and
# a checksum of their balances and counters.
from dataclasses import dataclass

CALLS = 300_000


@dataclass
class Account:
    name: str
    balance: int = 0
    moves: int = 0

    def deposit(self, amount):
        self.balance += amount
        self.moves += 1
        return self.balance

    def withdraw(self, amount):
        if amount <= self.balance:
            self.balance -= amount
            self.moves += 1
            return True
        return False


accounts = {}
refused = 0
for i in range(CALLS):
    key = f"acct-{i % 97}"
    acct = accounts.get(key)
    if acct is None:
        acct = Account(key)
        accounts[key] = acct
    if i % 3 == 0:
        if not acct.withdraw(i % 50):
            refused += 1
    else:
        acct.deposit(i % 41)

checksum = 0
for key in sorted(accounts):
    a = accounts[key]
    checksum = (checksum * 31 + a.balance * 7 + a.moves) % 1_000_000_007
print(len(accounts), refused, checksum)
