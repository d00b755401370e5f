/**
 * Small code tables for the tracing graph: assets and service tags. Codes are stored in
 * Uint8Arrays (one byte per edge / node), so they must stay < 256 and must never be renumbered
 * once persisted (append only).
 */

/** Asset codes. Tracing is always per asset: BTC value is never mixed with USDT. */
export const Asset = {
  BTC: 0,
  ETH: 1,
  TRX: 2,
  USDT_TRC20: 3,
  USDT_ERC20: 4,
  USDC_ERC20: 5,
} as const;
export type AssetCode = (typeof Asset)[keyof typeof Asset];

/** Per-asset metadata; `decimals` = exponent of the smallest unit the edge values are stored in. */
export const ASSETS: readonly { code: AssetCode; symbol: string; chain: string; decimals: number; utxo: boolean }[] = [
  { code: Asset.BTC, symbol: 'BTC', chain: 'bitcoin', decimals: 8, utxo: true },
  { code: Asset.ETH, symbol: 'ETH', chain: 'ethereum', decimals: 18, utxo: false },
  { code: Asset.TRX, symbol: 'TRX', chain: 'tron', decimals: 6, utxo: false },
  { code: Asset.USDT_TRC20, symbol: 'USDT-TRC20', chain: 'tron', decimals: 6, utxo: false },
  { code: Asset.USDT_ERC20, symbol: 'USDT-ERC20', chain: 'ethereum', decimals: 6, utxo: false },
  { code: Asset.USDC_ERC20, symbol: 'USDC-ERC20', chain: 'ethereum', decimals: 6, utxo: false },
];

/** Attribution tags of a node (one per node; the strongest attribution wins upstream). */
export const Tag = {
  NONE: 0,
  EXCHANGE: 1,
  DARKNET_MARKET: 2,
  DRUG_SHOP: 3,
  MIXER: 4,
  GAMBLING: 5,
  SANCTIONED: 6,
  PAYMENT_SERVICE: 7,
  MINING_POOL: 8,
  BRIDGE: 9,
} as const;
export type TagCode = (typeof Tag)[keyof typeof Tag];

export const TAG_NAMES: readonly string[] = ['none', 'exchange', 'darknet_market', 'drug_shop', 'mixer', 'gambling', 'sanctioned', 'payment_service', 'mining_pool', 'bridge'];

/** Bit mask of tags (bit i = tag code i), used for "stop at" sets. */
export function tagMask(...tags: number[]): number {
  let m = 0;
  for (const t of tags) m |= 1 << t;
  return m;
}

/**
 * Default stop set: every attributed service. DRUG_SHOP is included too — a second shop is
 * a separate case, not a pass-through wallet — but a seed is always expanded even if tagged.
 */
export const DEFAULT_STOP_TAGS = tagMask(Tag.EXCHANGE, Tag.DARKNET_MARKET, Tag.DRUG_SHOP, Tag.MIXER, Tag.GAMBLING, Tag.SANCTIONED, Tag.PAYMENT_SERVICE, Tag.MINING_POOL, Tag.BRIDGE);

/** Node kinds: UTXO transactions may be modelled as their own nodes (inputs → tx → outputs). */
export const NodeKind = { ADDRESS: 0, TX: 1 } as const;
