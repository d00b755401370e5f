/** Validator tests with published test vectors (BIP-173/350, EIP-55, ISO 13616). */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  base58checkVersion,
  isValidBtc,
  isValidCard,
  isValidEth,
  isValidKzIban,
  isValidSegwit,
  isValidTron,
  luhnValid,
  normalizeHost,
  normalizeKzPhone,
  normalizeTelegram,
  toEip55,
} from './index.js';
import { SHORT_MAX, doubleSha256Head, sha256Short } from './sha256.js';

describe('bitcoin', () => {
  it('accepts base58check P2PKH/P2SH (genesis coinbase, BIP-13 example)', () => {
    assert.ok(isValidBtc('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'));
    assert.ok(isValidBtc('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'));
    assert.equal(base58checkVersion('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'), 0x00);
  });
  it('rejects a base58 address with one character changed', () => {
    assert.ok(!isValidBtc('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb'));
    assert.ok(!isValidBtc('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLY'));
  });
  it('rejects a valid base58check string with the wrong version for its prefix', () => {
    assert.ok(!isValidBtc('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'));
  });
  it('accepts BIP-173 bech32 (v0) vectors, upper- or lower-case', () => {
    assert.ok(isValidBtc('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4'));
    assert.ok(isValidBtc('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'));
    assert.ok(isValidBtc('bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3'));
  });
  it('accepts BIP-350 bech32m (v1+) vectors', () => {
    assert.ok(isValidBtc('bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y'));
    assert.ok(isValidBtc('BC1SW50QGDZ25J'));
    assert.ok(isValidBtc('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0'));
  });
  it('rejects BIP-350 invalid vectors and mixed case', () => {
    for (const bad of [
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', // v0 with bech32m checksum
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', // v1 with bech32 checksum
      'BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', // v0 with a 16-byte program
      'bc1gmk9yu', // empty data
      'bc1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', // mixed case
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', // last char changed
    ]) {
      assert.ok(!isValidBtc(bad), bad);
    }
  });
  it('checks the human-readable part', () => {
    assert.ok(!isValidSegwit('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'tb'));
  });
});

describe('tron', () => {
  it('accepts a 0x41 base58check address and rejects a changed one', () => {
    assert.ok(isValidTron('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'));
    assert.ok(!isValidTron('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T'));
    assert.ok(!isValidTron('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'));
  });
});

describe('ethereum', () => {
  it('accepts the EIP-55 examples', () => {
    for (const a of [
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
      '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
      '0x52908400098527886E0F7030069857D2E4169EE7', // all caps
      '0xde709f2102306220921060314715629080e2fb77', // all lower
    ]) {
      assert.ok(isValidEth(a), a);
    }
    assert.equal(toEip55('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'), '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed');
  });
  it('rejects a mixed-case address with one letter case flipped, and bad lengths', () => {
    assert.ok(!isValidEth('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'));
    assert.ok(!isValidEth('0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea'));
    assert.ok(!isValidEth('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaedd'));
  });
});

describe('cards, IBAN, phones', () => {
  it('Luhn', () => {
    assert.ok(luhnValid('4111111111111111'));
    assert.ok(luhnValid('378282246310005'));
    assert.ok(!luhnValid('4111111111111112'));
    assert.ok(!luhnValid(''));
    assert.ok(!luhnValid('41111x1111111111'));
    assert.ok(isValidCard('4111 1111 1111 1111'));
    assert.ok(!isValidCard('411111111111')); // 12 digits
  });
  it('KZ IBAN (ISO 13616 registry example and a computed one)', () => {
    assert.ok(isValidKzIban('KZ86125KZT5004100100'));
    assert.ok(isValidKzIban('kz86 125K ZT50 0410 0100'));
    assert.ok(isValidKzIban('KZ107013430671458713'));
    assert.ok(!isValidKzIban('KZ87125KZT5004100100'));
    assert.ok(!isValidKzIban('DE89370400440532013000')); // valid, but not KZ
  });
  it('normalizes Kazakhstan mobiles only', () => {
    for (const w of ['+7 (701) 123-45-67', '8 701 123 45 67', '87011234567', '+77011234567', '7011234567', '8(701)1234567']) {
      assert.equal(normalizeKzPhone(w), '+77011234567', w);
    }
    assert.equal(normalizeKzPhone('+7 999 123 45 67'), null); // Russian mobile
    assert.equal(normalizeKzPhone('+7 7172 12 34 56'), null); // Astana landline
    assert.equal(normalizeKzPhone('102'), null);
  });
});

describe('handles and hosts', () => {
  it('normalizes Telegram usernames', () => {
    assert.equal(normalizeTelegram('@Shop_KZ_24'), 'shop_kz_24');
    assert.equal(normalizeTelegram('shop__'), null); // 4 chars once trailing underscores go
    assert.equal(normalizeTelegram('1shop'), null);
    assert.equal(normalizeTelegram('a'.repeat(33)), null);
  });
  it('normalizes defanged hosts against the TLD allow-list', () => {
    assert.equal(normalizeHost('Shop-KZ[.]Top', false), 'shop-kz.top');
    assert.equal(normalizeHost('shop dot kz', false), 'shop.kz');
    assert.equal(normalizeHost('photo.jpg', false), null);
    assert.equal(normalizeHost('main.py', false), null);
    assert.equal(normalizeHost('shop.sale', true), 'shop.sale');
  });
});

describe('sha256Short (base58check checksum)', () => {
  it('matches node:crypto for every one-block length and for a digest of a digest', () => {
    let seed = 7;
    for (let len = 0; len <= SHORT_MAX; len++) {
      const msg = new Uint8Array(len);
      for (let i = 0; i < len; i++) msg[i] = seed = (Math.imul(seed, 1103515245) + 12345) & 0xff;
      const out = new Int32Array(8);
      sha256Short(msg, len, out);
      const want = createHash('sha256').update(msg).digest();
      assert.deepEqual(Buffer.from(new Uint8Array(Int32Array.from(out, (x) => ((x >>> 24) | ((x >>> 8) & 0xff00) | ((x & 0xff00) << 8) | (x << 24)) | 0).buffer)), want);
      const twice = createHash('sha256').update(want).digest();
      assert.equal(doubleSha256Head(msg, len), twice.readInt32BE(0));
    }
  });
  it('refuses messages longer than one block', () => {
    assert.throws(() => sha256Short(new Uint8Array(56), 56, new Int32Array(8)), RangeError);
  });
});
