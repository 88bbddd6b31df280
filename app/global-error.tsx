'use client';

// Rendered when the root layout itself fails: no providers are available, so both languages are shown.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '4rem 1rem', textAlign: 'center' }}>
        <h1>出错了 · Something went wrong</h1>
        <p>服务暂时出现问题，请稍后再试。The service hit a problem; please try again.</p>
        <button type="button" onClick={() => reset()} style={{ marginTop: '1.5rem', padding: '0.6rem 1.2rem' }}>
          重试 · Try again
        </button>
      </body>
    </html>
  );
}
