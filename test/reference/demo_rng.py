"""Reference values for scripts/demo/rng.ts, written independently from the algorithm descriptions:
FNV-1a 32-bit (http://www.isthe.com/chongo/tech/comp/fnv/), murmur3's fmix32 finaliser, and sfc32
(Chris Doty-Humphrey, PractRand). Run: python3 test/reference/demo_rng.py
"""
M32 = 0xFFFFFFFF


def fnv1a(text: str) -> int:
    h = 0x811C9DC5
    for ch in text:
        h = ((h ^ ord(ch)) * 0x01000193) & M32
    return h


def fmix32(h: int) -> int:
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M32
    h ^= h >> 16
    return h


class Sfc32:
    def __init__(self, seed: int, stream: int, i: int, j: int):
        a = fmix32(seed ^ 0x9E3779B9)
        b = fmix32(a ^ stream)
        c = fmix32(b ^ ((i + 0x632BE5AB) & M32))
        d = fmix32(c ^ ((j + 0x85EBCA77) & M32))
        self.a, self.b, self.c, self.d = a, b, c, d
        for _ in range(12):
            self.next()

    def next(self) -> int:
        t = (self.a + self.b + self.d) & M32
        self.d = (self.d + 1) & M32
        self.a = self.b ^ (self.b >> 9)
        self.b = (self.c + (self.c << 3)) & M32
        self.c = ((self.c << 21) | (self.c >> 11)) & M32
        self.c = (self.c + t) & M32
        return t


if __name__ == "__main__":
    print("fnv1a('ties') =", fnv1a("ties"))
    for key in [(2026, fnv1a("ties"), 0, 0), (1, 2, 3, 4), (4294967295, 0, 99999, 25)]:
        g = Sfc32(*key)
        print(key, [g.next() for _ in range(5)])
