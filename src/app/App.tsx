export function App() {
  return <main>Fremskudt</main>;
}
