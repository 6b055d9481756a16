# random with the oracle's seed (random.seed(0) before the program).
import random
print(random.random())
print(random.uniform(1, 10))
print(random.randint(1, 6), random.randint(1, 6), random.randint(1, 100))
print(random.choice(["rock", "paper", "scissors"]))
deck = list(range(10))
random.shuffle(deck)
print(deck)
random.seed(42)
print(random.random(), random.randint(0, 9))
random.seed(42)
print(random.random(), random.randint(0, 9))
print(random.randrange(10), random.randrange(0, 100, 5))
