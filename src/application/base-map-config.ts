/**
 * The optional base map under the communes: a raster tile server named in the configuration. Without one the map
 * is complete on its own (province outline and communes from the app's own geometry), so no Internet is needed.
 */
export interface BaseMapConfig {
  /** `https://tiles.example.vn/{z}/{x}/{y}.png`: {z}, {x} and {y} are replaced by MapLibre. */
  tileUrl: string;
  /** Shown on the map, as the tile server's licence asks (e.g. "© OpenStreetMap contributors"). */
  attribution: string;
  maxZoom: number;
  /** The tile server's origin, which the content-security policy must let the browser load images from. */
  origin: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_MAX_ZOOM = 18;

/**
 * Reads DX_MAP_TILE_URL, DX_MAP_TILE_ATTRIBUTION and DX_MAP_TILE_MAX_ZOOM; null when no tile URL is set. A bad
 * value stops the server at start with a message naming the variable, rather than a blank map later.
 */
export function baseMapConfigFromEnv(env: Env): BaseMapConfig | null {
  const raw = env.DX_MAP_TILE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    // The placeholders are not valid in a host name: check the URL with them filled in.
    url = new URL(raw.replace(/\{[xyz]\}/g, '0'));
  } catch {
    throw new Error(`DX_MAP_TILE_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`DX_MAP_TILE_URL must start with https:// or http://, not ${url.protocol}`);
  }
  const missing = ['{z}', '{x}', '{y}'].filter((p) => !raw.includes(p));
  if (missing.length) throw new Error(`DX_MAP_TILE_URL lacks ${missing.join(', ')}: ${raw}`);
  const attribution = (env.DX_MAP_TILE_ATTRIBUTION ?? '').trim();
  if (attribution.length > 300) throw new Error('DX_MAP_TILE_ATTRIBUTION is longer than 300 characters');
  const zoomText = env.DX_MAP_TILE_MAX_ZOOM?.trim();
  const maxZoom = zoomText ? Number(zoomText) : DEFAULT_MAX_ZOOM;
  if (!Number.isInteger(maxZoom) || maxZoom < 1 || maxZoom > 22) {
    throw new Error(`DX_MAP_TILE_MAX_ZOOM must be a whole number from 1 to 22, not ${zoomText}`);
  }
  return { tileUrl: raw, attribution, maxZoom, origin: url.origin };
}
