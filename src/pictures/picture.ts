/** A picture made for organizers: the PNG to post, and the SVG it was drawn from. */
export interface Picture {
  png: Uint8Array;
  svg: string;
  /** Width of the PNG in pixels. */
  width: number;
  /** Height of the PNG in pixels. */
  height: number;
}
