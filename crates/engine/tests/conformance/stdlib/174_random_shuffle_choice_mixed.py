# 1,000 mixed draws in one sequence (random, randint, choice, shuffle, sample) stay in step with CPython
import random
random.seed(271828)
out = []
deck = list(range(52))
for i in range(1000):
    k = i % 5
    if k == 0:
        out.append(round(random.random(), 6))
    elif k == 1:
        out.append(random.randint(-1000, 1000))
    elif k == 2:
        out.append(random.choice(deck))
    elif k == 3:
        random.shuffle(deck)
        out.append(deck[0])
    else:
        out.append(sum(random.sample(deck, 3)))
print(out[:15], sum(out), deck[:10])
