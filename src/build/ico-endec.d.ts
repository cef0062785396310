/** ico-endec ships no types: the encoder this project uses. */
declare module 'ico-endec' {
  const icoEndec: {
    /** An ICO file holding the given PNG (or BMP) images. */
    encode(images: readonly (Buffer | ArrayBuffer)[]): Buffer;
  };
  export default icoEndec;
}
