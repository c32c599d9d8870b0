/** CSV samples are bundled as text (webpack `asset/source`). */
declare module '*.csv' {
  const text: string;
  export default text;
}
