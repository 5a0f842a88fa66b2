export default function Public() {
  return <div className="page"><h1>Công khai kết quả thực hiện</h1></div>;
}
