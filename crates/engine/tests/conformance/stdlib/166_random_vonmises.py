# random.vonmisesvariate(): 1,000 draws for small and large kappa
import random
for s in (0, 17):
    random.seed(s)
    for mu, kappa in ((0, 0), (1.0, 0.5), (3.0, 4.0), (6.0, 50.0)):
        xs = [random.vonmisesvariate(mu, kappa) for _ in range(1000)]
        print(s, mu, kappa, sum(xs), xs[0], min(xs) >= 0)
